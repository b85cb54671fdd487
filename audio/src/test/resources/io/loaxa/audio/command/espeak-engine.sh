#!/bin/sh
# A local speech engine plugged in the way a Piper-style neural voice is: text on standard input,
# WAV out. Arguments: VOICE OUT RECORD. OUT is a WAV file, or "-" for standard output. RECORD gets
# the text exactly as received, so tests can check nothing was interpreted on the way.
set -eu
voice="$1"; out="$2"; record="$3"
if [ "$out" = "-" ]; then
  tee -a "$record" | espeak-ng -v "$voice" -b 1 --stdin --stdout
else
  tee -a "$record" | espeak-ng -v "$voice" -b 1 --stdin -w "$out"
fi
