#!/usr/bin/env bash
# The published artifacts as a library user gets them (README "Embedding imps from Maven"). Run by
# scripts/test.sh after the Maven build; on its own: scripts/check-published.sh.
#
#   1. deploy: imps-parent, imps-bom and every artifact the BOM lists go to a file repository,
#      target/staging-repo (never to ~/.m2: nothing is installed);
#   2. what a central repository asks of each: url, licenses, scm and developers in the POMs; a
#      sources jar, a javadoc jar and a CycloneDX SBOM; META-INF/LICENSE in every jar; an
#      Automatic-Module-Name; no test-jar at compile scope;
#   3. reproducible: the same modules built again from a copy of the tree (another folder, nothing
#      reused) give byte-identical jars;
#   4. examples/embedding (a consumer with its own pom importing the BOM) is built against
#      target/staging-repo with a local repository of its own, target/published/m2 (~/.m2 linked in
#      for third-party artifacts, but not its dev/imps), and run. Every imps jar on its class path
#      must be the one in the staging repository.
#
# Everything it writes is under target/; nothing is installed into ~/.m2. Exit status 1 names the
# failed check. With --staged, step 1 is left out: the build that just ran deployed the artifacts to
# target/staging-repo (scripts/test.sh does that).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/target/published
staging=$root/target/staging-repo
user_repo=${IMPS_USER_M2_REPOSITORY:-$HOME/.m2/repository}

fail() {
  echo "check-published: $*" >&2
  exit 1
}
step() { echo "check-published: $* ($(($(date +%s) - start)) s)" >&2; }
start=$(date +%s)
for tool in unzip cmp tar base64 java; do
  command -v "$tool" >/dev/null || fail "needs $tool on the PATH"
done

version=$(sed -n '/<artifactId>imps-parent<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p;q}' pom.xml)
[ -n "$version" ] || fail "cannot read the version of imps-parent from pom.xml"
# The BOM is the list of published artifacts.
published=$(sed -n '/<dependencyManagement>/,/<\/dependencyManagement>/s:.*<artifactId>\(imps-[a-z-]*\)</artifactId>.*:\1:p' imps-bom/pom.xml)
[ -n "$published" ] || fail "imps-bom lists no artifact"
projects=":imps-parent,:imps-bom$(printf ',:%s' $published)"

rm -rf "$out"
mkdir -p "$out"

# 1. Deploy. -am builds what the tests of these modules need (imps-envtest is not deployed). The
# deploy phase comes after install: maven.install.skip keeps ~/.m2 as it is.
if [ "${1:-}" == "--staged" ]; then
  [ -d "$staging/dev/imps" ] || fail "--staged, but target/staging-repo holds no imps artifact"
  step "using target/staging-repo as the build left it"
else
  rm -rf "$staging"
  step "deploying $projects to target/staging-repo"
  ./mvnw -B -ntp -q deploy -DskipTests -pl "$projects" -am -Dmaven.install.skip=true \
    -DaltDeploymentRepository="imps-staging::file://$staging" >"$out/deploy.log" 2>&1 ||
    { tail -n 40 "$out/deploy.log" >&2; fail "deploy failed, log: $out/deploy.log"; }
fi

# The file of an artifact in the staging repository: a SNAPSHOT is deployed with a timestamped name.
deployed() { # artifactId suffix (.jar, -sources.jar, .pom, ...)
  local dir=$staging/dev/imps/$1/$version timestamp build
  if [[ "$version" == *-SNAPSHOT && -f "$dir/maven-metadata.xml" ]]; then
    timestamp=$(sed -n 's:.*<timestamp>\(.*\)</timestamp>.*:\1:p' "$dir/maven-metadata.xml" | head -n 1)
    build=$(sed -n 's:.*<buildNumber>\(.*\)</buildNumber>.*:\1:p' "$dir/maven-metadata.xml" | head -n 1)
    echo "$dir/$1-${version%-SNAPSHOT}-$timestamp-$build$2"
  else
    echo "$dir/$1-$version$2"
  fi
}

# 2. What a central repository asks.
step "checking POM metadata, LICENSE, sources, javadoc, SBOM and module names"
for pom in "$(deployed imps-parent .pom)" "$(deployed imps-bom .pom)"; do
  [ -f "$pom" ] || fail "imps-parent or imps-bom was not deployed"
  for element in '<url>' '<licenses>' '<name>Apache-2.0</name>' '<scm' '<connection>' '<developers>'; do
    grep -q -- "$element" "$pom" || fail "$(basename "$pom") has no $element"
  done
done
for artifact in $published; do
  pom=$(deployed "$artifact" .pom)
  [ -f "$pom" ] || fail "$artifact was not deployed"
  # A test-jar may only be a test-scope dependency.
  awk '/<dependency>/{d=""} {d=d $0} /<\/dependency>/{ if (d ~ /test-jar/ && d !~ /<scope>test<\/scope>/) print d }' "$pom" |
    grep -q . && fail "$artifact depends on a test-jar outside test scope"
  grep -q '<packaging>pom</packaging>' "$pom" && continue
  for suffix in .jar -sources.jar -javadoc.jar -cyclonedx.json; do
    [ -f "$(deployed "$artifact" "$suffix")" ] || fail "$artifact has no $suffix in the staging repository"
  done
  grep -q '"bomFormat" : "CycloneDX"' "$(deployed "$artifact" -cyclonedx.json)" ||
    fail "$artifact's SBOM is not CycloneDX"
  module=$(unzip -p "$(deployed "$artifact" .jar)" META-INF/MANIFEST.MF | tr -d '\r' |
    sed -n 's/^Automatic-Module-Name: //p')
  [[ "$module" =~ ^dev\.imps\.[a-z.]+$ ]] || fail "$artifact's jar has no Automatic-Module-Name"
  for jar in "$staging/dev/imps/$artifact/$version/"*.jar; do
    unzip -l "$jar" META-INF/LICENSE >/dev/null 2>&1 || fail "$(basename "$jar") has no META-INF/LICENSE"
    cmp -s <(unzip -p "$jar" META-INF/LICENSE) LICENSE || fail "$(basename "$jar"): META-INF/LICENSE is not LICENSE"
  done
  echo "  $artifact: jar (module $module), sources, javadoc, SBOM, LICENSE" >&2
done

# 3. Reproducible: a second build from a copy of the tree, in another folder.
step "building again from a copy of the tree"
copy=$out/rebuild
mkdir -p "$copy"
tar -C "$root" --exclude=./.git --exclude=target -cf - . | tar -C "$copy" -xf -
(cd "$copy" && ./mvnw -B -ntp -q -o package -DskipTests -Dcyclonedx.skip=true -pl "$projects" -am) \
  >"$out/rebuild.log" 2>&1 ||
  { tail -n 40 "$out/rebuild.log" >&2; fail "the second build failed, log: $out/rebuild.log"; }
compared=0
for artifact in $published; do
  for first in "$root"/*/target/"$artifact-$version".jar "$root"/*/target/"$artifact-$version"-*.jar; do
    [ -f "$first" ] || continue
    second=$copy/${first#"$root"/}
    [ -f "$second" ] || fail "the second build made no ${first#"$root"/}"
    if ! cmp -s "$first" "$second"; then
      diff <(unzip -v "$first" | awk '{print $7, $8}') <(unzip -v "$second" | awk '{print $7, $8}') >&2 || true
      fail "${first#"$root"/} differs between two builds (entries whose CRC differ are listed above)"
    fi
    compared=$((compared + 1))
  done
done
[ "$compared" -gt 0 ] || fail "no jar was compared"
echo "  $compared jars byte-identical" >&2

# 4. The consumer.
step "building and running examples/embedding against target/staging-repo"
# The README's Java snippets are the example's code: every line of them is a line of the example.
source_file=examples/embedding/src/main/java/dev/imps/examples/embedding/EmbeddingExample.java
snippets=$(sed -n '/^## Embedding imps from Maven/,/^## /p' README.md | sed -n '/^```java/,/^```$/p' | grep -v '^```')
[ -n "$snippets" ] || fail "README.md has no Java snippet in \"Embedding imps from Maven\""
while IFS= read -r line; do
  trimmed=$(echo "$line" | sed 's/^ *//; s/ *$//')
  [ -z "$trimmed" ] && continue
  sed 's/^ *//; s/ *$//' "$source_file" | grep -qxF -- "$trimmed" ||
    fail "README.md's embedding snippet line is not in $source_file: $trimmed"
done <<<"$snippets"
cat >"$out/settings.xml" <<EOF
<settings>
  <profiles>
    <profile>
      <id>imps-staging</id>
      <repositories>
        <repository>
          <id>imps-staging</id>
          <url>file://$staging</url>
          <snapshots><enabled>true</enabled><updatePolicy>always</updatePolicy></snapshots>
        </repository>
      </repositories>
    </profile>
  </profiles>
  <activeProfiles><activeProfile>imps-staging</activeProfile></activeProfiles>
</settings>
EOF
# The example's local repository: ~/.m2's folders linked in (third-party artifacts and plugins, as
# any build uses them), except dev/imps, which is a folder of its own that only target/staging-repo
# fills. (Maven's read-only tail, maven.repo.local.tail, is not enough: it serves a dev.imps SNAPSHOT
# that someone installed into ~/.m2 before the staging repository's.)
m2=$out/m2
mkdir -p "$m2/dev/imps"
shopt -s nullglob
for entry in "$user_repo"/* "$user_repo"/dev/*; do
  case "${entry#"$user_repo"/}" in
    dev | dev/imps) ;;
    *) ln -s "$entry" "$m2/${entry#"$user_repo"/}" ;;
  esac
done
example=$out/example
mkdir -p "$example"
cp -r examples/embedding/. "$example/"
rm -rf "$example/target"
./mvnw -B -ntp -q -f "$example/pom.xml" -s "$out/settings.xml" \
  -Dmaven.repo.local="$m2" \
  package dependency:build-classpath -Dmdep.outputFile="$example/target/classpath.txt" \
  >"$out/example-build.log" 2>&1 ||
  { tail -n 40 "$out/example-build.log" >&2; fail "the example did not build, log: $out/example-build.log"; }

classpath=$(cat "$example/target/classpath.txt")
found=0
for entry in ${classpath//:/ }; do
  case "$entry" in
    */dev/imps/*)
      [[ "$entry" == "$m2/dev/imps/"* ]] || fail "the example took $entry from outside target/published/m2/dev/imps"
      artifact=$(basename "$(dirname "$(dirname "$entry")")")
      cmp -s "$entry" "$(deployed "$artifact" .jar)" ||
        fail "the example's $(basename "$entry") is not the one in target/staging-repo"
      found=$((found + 1))
      ;;
  esac
done
[ "$found" -ge 2 ] || fail "the example's class path has $found imps jars, expected imps-selector and imps-credentials"

# A docker config with one registry; the user and password are made up.
printf '{"auths":{"registry.example.com":{"auth":"%s"}}}' "$(printf 'example-user:example-password' | base64)" \
  >"$example/source.json"
java -cp "$example/target/classes:$classpath" dev.imps.examples.embedding.EmbeddingExample \
  "$example/source.json" "$example/merged.json" >"$out/example-run.txt" 2>"$out/example-run.log" ||
  { cat "$out/example-run.txt" "$out/example-run.log" >&2; fail "the example failed"; }
expected="matched by namespaces.labels[0]
apps/pull: OK
merged config written to $example/merged.json"
[ "$(cat "$out/example-run.txt")" == "$expected" ] ||
  { cat "$out/example-run.txt" >&2; fail "the example printed something else than expected"; }
grep -q '"registry.example.com"' "$example/merged.json" && grep -q "$(printf 'example-user:example-password' | base64)" "$example/merged.json" ||
  fail "the example's merged config lacks registry.example.com and its auth"
step "done: $(echo $published | wc -w) artifacts deployed and checked, $compared jars reproducible, the example ran"
