# Builds the service image: a Maven stage builds the jar (CI runs the tests), and a Java 17
# runtime stage runs the jar as a non-root user. routes/ and application.properties sit beside the jar in
# /opt/app, the working directory, so operations teams can mount their own over them.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY .mvn .mvn
COPY pom.xml .
RUN mvn dependency:go-offline
COPY src src
RUN mvn -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /opt/app --shell /usr/sbin/nologin app
WORKDIR /opt/app
COPY --from=build /build/target/defender-intel-synchronizer.jar defender-intel-synchronizer.jar
COPY routes/ routes/
COPY application.properties application.properties
# The dead-letter file is written under data/; mount a volume there to keep it.
RUN mkdir data && chown app data
USER 10001
VOLUME ["/opt/app/data"]
# Remote JMX is off unless JAVA_TOOL_OPTIONS adds the com.sun.management.jmxremote flags (see README).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/opt/app/defender-intel-synchronizer.jar"]
