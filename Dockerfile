# syntax=docker/dockerfile:1
# Build stage: compile TypeScript with the dev dependencies.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The offline sandbox and its emulated Slack are for a laptop, never for a container: the app loads them only
# when no Slack settings are given (a dynamic import), and the image leaves them out.
RUN npm run build && rm -rf dist/sandbox dist/emulator

# Runtime stage: production dependencies and the compiled app only, on the current Node LTS.
FROM node:24-bookworm-slim AS runtime
# tini as PID 1: forwards SIGTERM to Node (which drains, see README "Deploys") and reaps zombies.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production PORT=3000 LOG_FORMAT=json
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY manifest.json ./
# The image's `node` user, by number: Kubernetes' runAsNonRoot can only check a numeric user.
USER 1000:1000
EXPOSE 3000
# Liveness, so an orchestrator that restarts unhealthy containers does not restart them while Redis is away;
# readiness (/readyz) is what load balancers and docker-compose's depends_on use.
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/index.js"]
