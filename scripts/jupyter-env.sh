# Sourced by the notebook scripts: keeps every Jupyter folder inside the project (build/jupyter),
# so tests never read or write the user's home, and names Debian's jupyter by full path
# (another python3 earlier on PATH would not have its modules).
JUPYTER_HOME="$(pwd)/build/jupyter"
export JUPYTER_PATH="$JUPYTER_HOME/data"
export JUPYTER_DATA_DIR="$JUPYTER_HOME/data"
export JUPYTER_RUNTIME_DIR="$JUPYTER_HOME/runtime"
export JUPYTER_CONFIG_DIR="$JUPYTER_HOME/config"
export JUPYTER_PLATFORM_DIRS=1
JUPYTER=/usr/bin/jupyter
