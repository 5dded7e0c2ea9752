"""Integer PCM decoded by Python's wave module for every .wav in a folder, independently of lstm-lab: one line per
file, name <TAB> channels <TAB> sample width <TAB> rate <TAB> frames read <TAB> the samples, interleaved, as the
integers in their containers (little-endian, signed; 1-byte samples unsigned, as WAV stores them)."""
import os
import sys
import wave

folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    if not name.endswith('.wav'):
        continue
    with wave.open(os.path.join(folder, name), 'rb') as w:
        channels, width, rate = w.getnchannels(), w.getsampwidth(), w.getframerate()
        data = w.readframes(w.getnframes())
    frames = len(data) // (channels * width)
    values = [int.from_bytes(data[i:i + width], 'little', signed=width > 1)
              for i in range(0, frames * channels * width, width)]
    print('\t'.join([name, str(channels), str(width), str(rate), str(frames), ','.join(map(str, values))]))
