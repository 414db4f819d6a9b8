# talentscan as a container image: build, then a slim runtime with the binary only (the
# questionnaires, taxonomies, reference places, texts and web pages are embedded in it).
#
#   docker build -t registry.example/talentscan:0.1.0 .
#
# Runs as a non-root user on a read-only root filesystem: the data directory (/data) is a
# volume — the sled store in the one-node shape, or a replica's own copy (a scratch
# volume is enough) when TALENTSCAN_DATABASE_URL names PostgreSQL.
FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin talentscan \
 && strip target/release/talentscan

FROM debian:bookworm-slim
COPY --from=build /src/target/release/talentscan /usr/local/bin/talentscan
ENV TALENTSCAN_ADDR=0.0.0.0:8080 \
    TALENTSCAN_DATA_DIR=/data \
    TALENTSCAN_DRAIN_SECONDS=5
VOLUME ["/data"]
USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=4s --retries=3 \
  CMD ["/usr/local/bin/talentscan", "probe", "--addr", "127.0.0.1:8080"]
ENTRYPOINT ["/usr/local/bin/talentscan"]
CMD ["serve"]
