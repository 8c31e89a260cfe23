#!/usr/bin/env bash
# Look at the release files as a person would: build the Excel file and the
# slide deck for a survey year, convert both to PDF with LibreOffice (headless,
# Swedish locale, so numbers read 98,1 %), and render every page to PNG.
# Not part of `npm test`: it needs LibreOffice, which it installs from Debian
# when missing (apt-get, root or sudo).
#
#   scripts/lookRelease.sh                  2016 release (survey 2016)
#   scripts/lookRelease.sh 2013 2014        survey 2013 as the 2014 release
#
# Output (git-ignored): test/output/release-look/<release>/
#   *.xlsx, *.pptx     the built files
#   *.pdf              LibreOffice's rendering
#   pages/*.png        one image per page (xlsx-NN.png, pptx-NN.png)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
year="${1:-2016}"
release="${2:-$year}"
out="test/output/release-look/$release"

need=()
command -v soffice >/dev/null || need+=(libreoffice-calc libreoffice-impress)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
# Liberation fonts are metric-compatible with Arial and Calibri's stand-in (Carlito),
# so line breaks in the rendering match what Office shows.
# (grep -c reads all of fc-list's output: grep -q would close the pipe early and,
# with pipefail, report the font missing.)
has_font() { [ "$(fc-list 2>/dev/null | grep -ci "$1")" -gt 0 ]; }
has_font "Liberation Sans" || need+=(fonts-liberation2)
has_font "Carlito" || need+=(fonts-crosextra-carlito)
if [ ${#need[@]} -gt 0 ]; then
  echo "lookRelease: installing ${need[*]} (apt-get)" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq </dev/null
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" </dev/null
fi

rm -rf "$out"
mkdir -p "$out/pages"
npx tsx scripts/release.ts --year "$year" --release "$release" --out "$out"

# A private LibreOffice profile with the Swedish locale: decimal comma in the
# number formats, as a Swedish user sees them. It also keeps the user's own
# profile untouched and lets two runs not collide.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
mkdir -p "$profile/user"
cat >"$profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>sv-SE</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>sv-SE</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="DefaultLocale" oor:op="fuse"><value>sv-SE</value></prop></item>
</oor:items>
XCU

for file in "$out"/*.xlsx "$out"/*.pptx; do
  soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$file" >/dev/null
done

for pdf in "$out"/*.pdf; do
  case "$pdf" in
    *.xlsx.pdf | *resultat\ per\ kommun*) prefix=xlsx ;;
    *) prefix=pptx ;;
  esac
  pdftoppm -r 110 -png "$pdf" "$out/pages/$prefix"
done

echo "lookRelease: $(ls "$out/pages" | wc -l) page images in $out/pages"
ls "$out/pages"
