# calc as a container: compiled by the official Bun image, shipped on distroless base:nonroot.
# Both bases are build arguments, so that a mirror or a local stand-in can be used without editing
# this file (npm run test:container does that where the registries cannot be reached).
ARG BUN_IMAGE=oven/bun:1.4.5
ARG RUNTIME_IMAGE=gcr.io/distroless/base-debian13:nonroot

# The build stage runs on the build machine's platform and cross-compiles for the target one, so a
# multi-arch build (docker buildx --platform linux/amd64,linux/arm64) needs no emulation. The legacy
# builder sets no BUILDPLATFORM: there the platform is plain "linux", which means linux on the build
# machine's own architecture.
FROM --platform=${BUILDPLATFORM:-linux} ${BUN_IMAGE} AS build
WORKDIR /app
# the lockfile before the sources: the dependency layer is reused until the lockfile changes
COPY package.json bun.lock bunfig.toml ./
RUN bun install --frozen-lockfile --production --ignore-scripts
COPY tsconfig.json ./
COPY grammar ./grammar
COPY src ./src
# BuildKit sets TARGETARCH (amd64, arm64); the legacy builder does not, and then the target is the
# build machine's. `bun run build` is `npm run build`: the same flags, plus the target.
ARG TARGETARCH
RUN arch="${TARGETARCH:-$(uname -m)}"; \
    case "$arch" in \
      amd64|x86_64) target=bun-linux-x64 ;; \
      arm64|aarch64) target=bun-linux-arm64 ;; \
      *) echo "calc: no Bun target for architecture '$arch'" >&2; exit 1 ;; \
    esac; \
    bun run build --target="$target"

# Only the executable: no shell, no package manager, no node_modules, no sources.
FROM ${RUNTIME_IMAGE}
ARG SOURCE=""
LABEL org.opencontainers.image.title="calc" \
      org.opencontainers.image.description="An exact calculator for the terminal and for containers" \
      org.opencontainers.image.version="0.1.0" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.source="${SOURCE}"
COPY --from=build /app/dist/calc /usr/local/bin/calc
# nonroot, by number, so that a runtime can check it is not root without reading /etc/passwd
USER 65532:65532
WORKDIR /home/nonroot
ENTRYPOINT ["/usr/local/bin/calc"]
