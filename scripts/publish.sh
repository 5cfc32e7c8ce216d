#!/usr/bin/env sh
# The image's build step, runnable outside Docker: restore (only the project files are needed), then publish the
# talent executable into the given folder. The Dockerfile runs this script; CI runs it too, so a change that breaks
# the image's build fails CI even where no container engine runs.
#   scripts/publish.sh restore            restore packages for src/Talent.Cli (the layer Docker caches)
#   scripts/publish.sh publish OUTPUT     publish Release into OUTPUT (after restore)
set -eu
project=src/Talent.Cli/Talent.Cli.csproj
case "${1:-}" in
  restore)
    dotnet restore "$project"
    ;;
  publish)
    dotnet publish "$project" -c Release --no-restore -o "${2:?publish needs an output folder}"
    ;;
  *)
    echo "usage: scripts/publish.sh restore | publish OUTPUT" >&2
    exit 2
    ;;
esac
