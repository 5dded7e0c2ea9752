"""The book's reader (protocol 1.3) over every .wav in a folder: one line per file,
name <TAB> outcome <TAB> frames read <TAB> sha256 of the left channel's int16 bytes.
The first line is the Python version. Standard library only."""
import hashlib
import os
import sys
import wave


def read(path):
    try:
        w = wave.open(path, 'rb')
        channels = w.getnchannels()
        if channels != 1 and channels != 2:
            return 'channels', -1, ''
        if w.getsampwidth() != 2:
            return 'sample-width', -1, ''
        if w.getframerate() != 44100:
            return 'sample-rate', -1, ''
        data = w.readframes(w.getnframes())
        w.close()
    except Exception:
        return 'unreadable', -1, ''
    frames = len(data) // (2 * channels)  # whole frames: a partial last one would stop the book (protocol 1.3)
    if frames < 44100:
        return 'too-short', frames, ''
    left = b''.join(data[i:i + 2] for i in range(0, frames * 2 * channels, 2 * channels))  # little-endian int16
    return 'kept', frames, hashlib.sha256(left).hexdigest()


print('%d.%d' % sys.version_info[:2])
folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    if name.endswith('.wav'):
        print('\t'.join(str(v) for v in (name,) + read(os.path.join(folder, name))))
