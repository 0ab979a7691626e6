# syntax=docker/dockerfile:1
# The devstack's Twilio simulator and demo ERP for docker-compose.yml (profile dev); development only.
# Build context: the devstack module folder, after
#   ./mvnw -B -DskipTests package -pl devstack -am && ./mvnw -B -pl devstack dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib
ARG BASE_IMAGE=eclipse-temurin:17-jre
FROM ${BASE_IMAGE}
ARG VERSION=0.1.0-SNAPSHOT
LABEL org.opencontainers.image.title="omni-devstack" org.opencontainers.image.version="${VERSION}"
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin app
WORKDIR /application
COPY target/lib/ lib/
COPY target/devstack-${VERSION}.jar devstack.jar
USER 10001:10001
# listen on every interface of the container, not only its loopback
ENV DEVSTACK_BIND_ADDRESS=0.0.0.0
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-cp", "/application/devstack.jar:/application/lib/*"]
