# One image for every process of the platform; docker-compose.yml picks the entry point and role.

# The web portal is built with its dev dependencies in a stage of its own; the gateway serves
# portal/dist from the final image.
FROM node:20-bookworm-slim AS portal
WORKDIR /app
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY package.json package-lock.json ./
COPY packages ./packages
COPY services ./services
COPY gateway ./gateway
COPY portal ./portal
RUN npm ci --ignore-scripts && npm run build -w portal

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# a heap cap keeps each process under 250 MB (scripts/lib/supervisor.ts says why)
ENV NODE_OPTIONS=--max-old-space-size=256
COPY package.json package-lock.json ./
COPY packages ./packages
COPY services ./services
COPY gateway ./gateway
COPY scripts ./scripts
COPY tsconfig.json .swcrc ./
COPY portal/package.json ./portal/package.json
# the operations the platform's clients send, by name: /metrics labels only these (service-kit's metrics.ts)
COPY contract/portal.graphql ./contract/portal.graphql
COPY portal/src/gql/gql.ts ./portal/src/gql/gql.ts
COPY --from=portal /app/portal/dist ./portal/dist
RUN npm ci --omit=dev --ignore-scripts=false && npm cache clean --force
USER node
CMD ["node", "-r", "./scripts/register.js", "gateway/src/main.ts"]
