# One image for the API, the worker and migrations; the command picks the role.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
# The Temporal CLI is only for the developer stack: production talks to a Temporal cluster.
ENV TEMPORAL_CLI_PATH=/bin/false OVERENS_SKIP_TEST_TOOLS=1
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY workflows ./workflows
# The workflows are bundled here, once, so that a worker starts without webpack's work.
RUN npm run build && npm run workflows:bundle && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production OVERENS_WORKFLOW_BUNDLE=/app/dist/workflow-bundle.js
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
