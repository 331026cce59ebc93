# Sourced by the long checks: makes sure web-api/target/asf-plan-tracker.jar exists and is newer than every source
# file and pom, building it (tests skipped) when not. Set LONGCHECK_MVN_ARGS (e.g. "-o") to pass flags to Maven.
jar=web-api/target/asf-plan-tracker.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
  echo "building $jar (tests skipped)"
  # shellcheck disable=SC2086
  mvn -B -q ${LONGCHECK_MVN_ARGS:-} -DskipTests package
fi
