#!/usr/bin/env bash
# Installs, idempotently, what the notebook tests need on a plain Debian machine with a JDK and Maven:
#   - Jupyter's headless executor from Debian packages (only when missing; needs root or sudo);
#   - rapaio-jupyter-kernel from Maven Central as a project-local kernelspec named "java".
# Nothing is written to the user's home: every Jupyter folder points into build/jupyter.
# Source scripts/jupyter-env.sh afterwards (test.sh does) to use the same folders.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jupyter-env.sh

RJK_VERSION=3.0.1
RJK_JAR="rapaio-jupyter-kernel-${RJK_VERSION}.jar"
KERNEL_DIR="$JUPYTER_DATA_DIR/kernels/java"

# 1. Jupyter from Debian packages (rapaio's installer and pip are deliberately not used).
if ! "$JUPYTER" nbconvert --version >/dev/null 2>&1 || ! /usr/bin/python3 -c 'import nbclient, jupyter_client' 2>/dev/null; then
  bash scripts/apt-install.sh jupyter-nbconvert python3-nbclient jupyter-client
else
  echo "install-jupyter: Jupyter already present ($("$JUPYTER" nbconvert --version))"
fi

# 2. The rapaio kernel jar, straight from Maven Central, into the project-local kernelspec.
mkdir -p "$KERNEL_DIR" "$JUPYTER_RUNTIME_DIR" "$JUPYTER_CONFIG_DIR"
if [ ! -s "$KERNEL_DIR/$RJK_JAR" ]; then
  echo "install-jupyter: fetching io.github.padreati:rapaio-jupyter-kernel:${RJK_VERSION}"
  mvn -q -B dependency:copy -Dartifact="io.github.padreati:rapaio-jupyter-kernel:${RJK_VERSION}" \
    -DoutputDirectory="$KERNEL_DIR"
fi

# Written every time (cheap) so a changed JVM option always takes effect.
# RJK_TIMEOUT_MILLIS=-1: no per-cell limit inside the kernel; nbconvert's own timeout governs.
cat > "$KERNEL_DIR/kernel.json" <<JSON
{
  "argv": ["java", "--add-modules", "jdk.incubator.vector", "-jar", "{resource_dir}/${RJK_JAR}", "{connection_file}"],
  "display_name": "Java (rapaio ${RJK_VERSION})",
  "language": "java",
  "interrupt_mode": "message",
  "env": {"RJK_TIMEOUT_MILLIS": "-1"}
}
JSON
echo "install-jupyter: kernelspec 'java' at $KERNEL_DIR"
