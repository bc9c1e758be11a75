import type { SessionState } from './session.ts';
import { applySessionPatch, compareVersions, type SessionPatch } from './sessionPatch.ts';

/** Patches kept while the whole state is being asked for; the oldest are dropped beyond this. */
const HELD_PATCHES = 64;

/**
 * A client's copy of the session: whole states (`session:state`, on connection and when asked)
 * replace it; patches (`session:patch`) apply when their base is the version held. A patch that
 * does not apply and is not older than what is held means something was missed, so the whole
 * state is asked for (`ask`: the `session:resync` command). Patches arriving meanwhile are held
 * and applied after the answer when they follow from it; if one of them is later than the
 * answer and does not follow from it, the answer was already behind: ask again. Socket-free,
 * so the browser and the server tests share it.
 */
export class SessionReplica {
  /** Undefined until the first whole state; null when the assembly has no session. */
  state: SessionState | null | undefined = undefined;
  /** How many times the whole state was asked for (tests and the benchmark count them). */
  asked = 0;
  private asking = false;
  private held: SessionPatch[] = [];

  constructor(
    private readonly ask: () => Promise<SessionState | null>,
    private readonly changed: () => void = () => {},
  ) {}

  /** A whole state from the server. */
  replace(state: SessionState | null): void {
    if (this.state && state && (compareVersions(state.version, this.state.version) ?? 1) < 0) return;
    this.state = state;
    this.changed();
  }

  patch(patch: SessionPatch): void {
    if (this.asking) {
      this.held.push(patch);
      if (this.held.length > HELD_PATCHES) this.held.shift();
      return;
    }
    if (!this.apply(patch)) this.resync();
    else this.changed();
  }

  /** Ask for the whole state now (a gap, or the client wants to be sure). */
  resync(): void {
    if (this.asking) return;
    this.asking = true;
    this.asked++;
    this.ask().then(
      (state) => {
        this.asking = false;
        const held = this.held;
        this.held = [];
        this.state = state;
        const behind = held.filter((p) => !this.apply(p)).length > 0;
        this.changed();
        if (behind) this.resync();
      },
      () => {
        // Disconnected or timed out: the next connection sends the whole state anyway.
        this.asking = false;
        this.held = [];
      },
    );
  }

  /** Applies `patch`, or says it is already covered (true); false when something is missing. */
  private apply(patch: SessionPatch): boolean {
    const current = this.state;
    if (current) {
      const order = compareVersions(patch.version, current.version);
      if (order !== null && order <= 0) return true; // already there, or older than what is held
    }
    const next = applySessionPatch(current, patch);
    if (!next) return false;
    this.state = next;
    return true;
  }
}
