# One Moot node: the Express + Socket.IO server, serving the built web app.
# docker-compose.yml runs two of these behind nginx; see deploy/README.md.

# --- build: every dependency (Vite is a dev dependency) to build apps/web/dist
FROM node:20-bookworm-slim AS build
WORKDIR /app
# The manifests alone first, so editing source does not re-run npm ci.
COPY package.json package-lock.json ./
COPY packages/protocol/package.json packages/protocol/
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# --- runtime: production dependencies only (tsx is one: the server runs its TypeScript as is)
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/protocol/package.json packages/protocol/
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY packages/protocol/src packages/protocol/src
COPY apps/server/src apps/server/src
COPY --from=build /app/apps/web/dist apps/web/dist
# /data is owned by the unprivileged user in the image, so a new named volume mounted there
# starts out writable by it (Docker copies the directory's ownership into an empty volume).
# /secrets likewise, for the ballot secret's key file: kept apart from /data (see SECURITY.md).
RUN mkdir -p /data /secrets && chown node:node /data && chown node:node /secrets && chmod 700 /secrets
USER node
EXPOSE 3000
# The image has neither curl nor wget; Node 20's fetch does the probe. 503 (database or Redis
# down) and no answer both count as unhealthy.
HEALTHCHECK --interval=5s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `npx tsx apps/server/src/main.ts`, as one process: tsx as a loader (`node --import tsx`) rather
# than its CLI, which would put npm (npx), a shell and tsx's own parent process between Docker and
# the server. `docker stop`'s SIGTERM then reaches the server directly; it writes pending edits
# and exits 0. (tsx's CLI relays signals but SIGKILLs a child that takes over 30 ms to acknowledge
# one, which a busy server can.)
CMD ["node", "--import", "tsx", "apps/server/src/main.ts"]
