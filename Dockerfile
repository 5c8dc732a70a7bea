# One image for every Spyglass stage; docker-compose.yml picks the stage with the command.
FROM eclipse-temurin:17.0.15_6-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY model model
COPY testkit testkit
COPY ingest ingest
COPY enrich enrich
COPY sink sink
COPY web web
COPY app app
COPY bench bench
RUN ./mvnw -B -q -DskipTests -Dmaven.test.skip=true package -pl app -am

FROM eclipse-temurin:17.0.15_6-jre
RUN useradd --system --home /spyglass spyglass && mkdir -p /spyglass/data && chown spyglass /spyglass/data
WORKDIR /spyglass
COPY --from=build /src/app/target/spyglass.jar /spyglass/spyglass.jar
COPY config /spyglass/config
USER spyglass
# the health and metrics endpoint must be reachable from outside the container (healthchecks, Prometheus)
ENV SPYGLASS_HTTP_ADDRESS=0.0.0.0
ENV SPYGLASS_WEB_ADDRESS=0.0.0.0
# the web view (web.port), and health and metrics of the stage (http.port): /health/live, /health/ready, /metrics
EXPOSE 8080 8081
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/spyglass/spyglass.jar"]
CMD ["--help"]
