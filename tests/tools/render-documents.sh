#!/usr/bin/env bash
# Renders profile documents as a recruiter receives them: each document printed to PDF by headless Chromium
# (markdown through pandoc to HTML first, HTML as it is) and converted to DOCX by pandoc. Formats that are not
# pages (BibTeX, JSON Resume, jemdoc, LaTeX source) are printed as their text, in a monospaced block: without a TeX
# engine a LaTeX CV cannot be typeset as its class would, and pandoc's LaTeX reader drops the CV classes' macros
# (moderncv's \cventry), so printing it through pandoc would measure pandoc, not Talent. Images are left out (a
# renderer without network cannot fetch them; their alternative text stays), except those a badge service draws from
# the address alone: tests/tools/image-stand-ins.lua writes the SVG the service would return, so the print and the DOCX
# carry what an online render carries (the filter says which services and how). A page title is the document's own
# (pandoc's title block and <title>, which Chromium writes into the PDF's Title); a document without one is titled by
# its file name. IMAGE_STAND_INS=none leaves every image out, for comparison.
#
#   tests/tools/render-documents.sh SOURCE_DIR OUT_DIR [JOBS]
#
# OUT_DIR/pdf/<name>.pdf and OUT_DIR/docx/<name>.docx, one per document; documents are rendered JOBS at a time
# (default: the number of cores). Needs pandoc and chromium on PATH (or CHROMIUM=/path/to/chromium; CHROMIUM=none
# writes the HTML and DOCX only, for a caller that prints the HTML pages with one browser of its own).
set -euo pipefail

src=${1:?source folder}
out=${2:?output folder}
jobs=${3:-$(nproc)}
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || echo none)}
mkdir -p "$out/pdf" "$out/docx" "$out/html"
mkdir -p "$out/html/images"
export IMAGE_STAND_INS=${IMAGE_STAND_INS:-$(realpath "$out/html/images")}
[ "$IMAGE_STAND_INS" = none ] && unset IMAGE_STAND_INS
filter=$(realpath "$(dirname "$0")/image-stand-ins.lua")

render_one() {
    local file=$1 out=$2 chromium=$3 filter=$4
    local name ext base html
    name=$(basename "$file")
    ext=${name##*.}
    base=${name%.*}
    html="$out/html/$base.html"
    local pandoc=(pandoc --quiet --lua-filter="$filter")
    # Pages written for GitHub or Jekyll (kramdown) have pipe tables only: pandoc's simple and multiline tables are
    # off, or a "- - -" rule under a heading followed by a line reads as a one-row table.
    local markdown=markdown-simple_tables-multiline_tables
    # DOCX in two steps, the filter's output first: pandoc's DOCX writer fetches images before a filter runs.
    docx() { "${pandoc[@]}" -f "$1" -t json "$2" | pandoc --quiet -f json -t docx -o "$out/docx/$base.docx"; }
    case "$ext" in
        md|markdown) "${pandoc[@]}" -f "$markdown" -t html5 -s -o "$html" "$file"
                     docx "$markdown" "$file" ;;
        html|htm)    cp "$file" "$html"
                     docx html "$file" ;;
        *)           # A text format: kept line for line in a monospaced block.
                     { printf '```\n'; cat "$file"; printf '\n```\n'; } > "$out/html/$base.txt.md"
                     "${pandoc[@]}" -f markdown -t html5 -s -o "$html" "$out/html/$base.txt.md"
                     docx markdown "$out/html/$base.txt.md" ;;
    esac
    [ "$chromium" = none ] && return 0
    # Each Chromium run gets its own profile folder, so parallel runs do not share a lock.
    local profile
    profile=$(mktemp -d)
    "$chromium" --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="$profile" \
        --host-resolver-rules="MAP * ~NOTFOUND" \
        --print-to-pdf="$out/pdf/$base.pdf" "file://$(realpath "$html")" >/dev/null 2>&1
    rm -rf "$profile"
}
export -f render_one

find "$src" -maxdepth 1 -type f ! -name '.*' -print0 | sort -z \
    | xargs -0 -P "$jobs" -I{} bash -c 'render_one "$1" "$2" "$3" "$4"' _ {} "$out" "$chromium" "$filter"
