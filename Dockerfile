# The promgate GitHub App. Build:   docker build -t promgate .
# Run with the settings of docs/deployment.md, for example:
#   docker run -p 3000:3000 -e APP_ID=... -e PRIVATE_KEY=... -e WEBHOOK_SECRET=... promgate

# Stage 1 compiles the TypeScript with the development dependencies.
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts are skipped because `prepare` would build before the sources are copied.
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY rules ./rules
RUN npm run build

# Stage 2 holds the compiled App, the policy presets and check pages it reads
# at run time, and the production dependencies only.
FROM node:20.20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY rules ./rules
# `/promgate explain` replies with these pages.
COPY docs/checks ./docs/checks

# The image's `node` user (uid 1000) runs the App; it owns nothing it could change in /app.
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/github/main.js"]
