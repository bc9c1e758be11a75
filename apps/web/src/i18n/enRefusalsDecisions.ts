/**
 * The words for the server's refusals in the decision features (`reasons.<feature>.<key>`, the
 * keys of `REFUSAL_REASONS` in the protocol): votes, paper counts, the final ballot, breach cases
 * and the leader's reply, case panels, and the body's answers. `ErrorNotice` words a refusal
 * from these; loaded where commands are sent (`features/session/commands.ts`). The quorum's own
 * `reasons.vote` keys are in `enQuorum.ts`, merged with these.
 */
export const enRefusalsDecisions = {
  reasons: {
    vote: {
      notFound: 'This vote is not in this assembly.',
      voteClosed: 'This vote has closed, so that was not recorded.',
      noSession: 'This vote does not belong to a session.',
      noLiveSession: 'Votes are held in a live session: start the session first.',
      standardNotFound: 'That standard is not in this charter.',
      standardNotLocked: 'Lock the standard before voting on it.',
      standardChanged: 'The standard was removed or unlocked while the vote was open, so this vote cannot decide it.',
      alreadyOpen: 'A vote on this standard is already open.',
      yesNoOrConsentOnly: 'A decision on a text is a yes/no or consent vote.',
      ballotInvalid: 'This ballot does not fit this vote. Reload the page and vote again.',
      noReceiptNoReason: 'This vote gives no receipts, so a ballot cannot carry a reason.',
    },
    paper: {
      notCountedOnPaper: 'This kind of vote cannot be counted on paper.',
      countStarted: 'The paper ballots are being counted: nobody more can be ticked.',
      notCheckedIn: 'Only a member checked in now can vote on paper: check them in first.',
      votedOnline: 'This member has already voted online in this vote.',
      votingOnPaper: 'You are voting on paper in this vote, so you cannot also vote online.',
      alreadyTicked: 'This member is already ticked as voting on paper.',
      nobodyTicked: 'Nobody is ticked as voting on paper in this vote.',
      countedByBallot: 'Approval and ranked votes are counted ballot by ballot, not as totals per choice.',
      countedByTotals: 'Only approval and ranked votes are counted ballot by ballot: enter totals per choice.',
      notAChoice: 'Not a choice in this vote: {{choices}}.',
      ballotUnknownOption: 'Paper ballot {{ballot}} names an option this vote does not have.',
      ballotOptionTwice: 'Paper ballot {{ballot}} names an option twice.',
      ballotRanksNothing: 'Paper ballot {{ballot}} ranks no option: a ranked ballot names at least its first choice.',
      totalsMismatch:
        'These totals add up to {{total}} paper ballots, but the number ticked as voting on paper is {{voters}}.',
      notAFinalBallot: 'These totals are for a final ballot: enter this vote’s totals per choice.',
      itemsMismatch: 'These totals cover {{counted}} recommendations, but the final ballot lists {{items}}.',
      tooManyAnswers: 'Recommendation {{item}} has more answers than there are paper ballots ticked ({{voters}}).',
      alreadyAgreed: 'The paper totals are already agreed.',
      secondCounterNeeded:
        'You entered the first count: a second facilitator must count the paper ballots and enter them.',
      countsDisagree:
        'Your totals differ from the first count, so neither counts. Count the paper ballots again, then two facilitators enter them afresh.',
      notAgreedYet:
        'Members voted on paper ({{voters}}), but their totals are not agreed yet: two facilitators must enter matching counts before the vote closes.',
    },
    finalBallot: {
      supportOnly: 'A final ballot is answered on the support scale.',
      openWithItems: 'A support-scale vote is the final ballot: open it with its recommendations.',
      tooManyItems: 'A final ballot lists at most {{max}} recommendations.',
      listedTwice: 'A recommendation is listed twice on this ballot.',
      noLadder: '“{{title}}” has no consequence ladder to vote on.',
      alreadyOpen: 'A final ballot is already open.',
    },
    case: {
      notFound: 'This case is not in this assembly.',
      standardNotFound: 'That standard is not in this charter.',
      standardNotAdopted: 'Only adopted standards can be breached, and “{{title}}” is not adopted.',
      noLadder: 'The cited standards have no consequence ladder, so there is nothing to decide between.',
      tooManyOptions: 'The cited ladders give {{count}} options, but a vote has at most {{max}}. Cite fewer standards.',
      cannotMove:
        'A case moves one step at a time, from open to hearing to deliberating: it cannot make that move now.',
      replyClosed: 'The reply can change only until deliberation starts, and this case has moved on.',
      evidenceClosed: 'Evidence can be added only until deliberation starts, and this case has moved on.',
      evidenceFull: 'A case holds at most {{max}} pieces of evidence.',
      alreadyClosed: 'This case is already decided or dismissed.',
      closeVoteFirst: 'Close the consequence vote on this case first.',
      notDeliberating: 'The consequence is voted on while the case is being deliberated.',
      voteAlreadyOpen: 'A consequence vote on this case is already open.',
      leaderWhileHeard: 'The leader is invited while the case is being heard, and this case has moved on.',
      leaderSeatsFull: 'A case has at most {{max}} leader seats.',
      leaderNotInvited: 'Invite the leader to this case first.',
      replyTooLate: 'The deadline for this reply has passed. Ask the moderators if they can move it.',
    },
    panel: {
      poolTooSmall: 'Only {{pool}} members can sit on this panel, fewer than the {{size}} seats asked for.',
      poolTooLarge: 'A panel is drawn from at most {{max}} members.',
      quotaShort:
        'The quotas cannot be met: {{category}} “{{value}}” needs at least {{min}} seats, but only {{available}} members who may sit have it.',
      minimumsTooHigh:
        'The quotas cannot be met: the minimums for {{category}} add up to {{total}}, more than {{size}} seats.',
      maximumsTooLow:
        'The quotas cannot be met: at most {{total}} seats can be filled under the quotas for {{category}}, fewer than {{size}}.',
      quotasClash:
        'The quotas cannot be met: each could be met alone, but no panel of {{size}} meets them all at once.',
      solverLimit:
        'These quotas are too hard for the server to solve: try fewer seats or ask the organisers to simplify the quotas.',
      noLongerFormed: 'This case has moved on: its panel is no longer formed.',
      alreadyPrepared: 'The panel for this case is already prepared.',
      notPrepared: 'Prepare the panel first.',
      notDrawn: 'The panel is prepared but not drawn yet: draw it first.',
      alreadyDrawn: 'The panel for this case is already drawn.',
      notOnPanel: 'Only the panel drawn for this case votes on its consequence.',
      noneYet: 'No panel has been prepared for this case yet.',
    },
    accountability: {
      standardNotFound: 'That standard is not in this assembly.',
      notAdopted: 'Only adopted standards are answered, and this one is not adopted.',
      respondentsFull: 'An assembly has at most {{max}} respondent seats.',
      respondFirst: 'Publish a response to this standard before reporting progress.',
      updatesFull: 'A standard holds at most {{max}} progress updates.',
    },
  },
};
