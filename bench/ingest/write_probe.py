#!/usr/bin/python3
"""What keeping one received object costs this machine's disk, before any DICOM: COUNT objects of
SIZE bytes (default 300 of 512 KiB, the small set's size) written in FOLDER in four ways, one at a
time, with the median and 90th percentile per object.

    write_probe.py FOLDER [COUNT] [SIZE]

1. what SynthGate's spool does with fsync on: create a temporary file, write, fsync, rename to the
   final name, fsync the folder;
2. the same, writing with O_DIRECT (the page cache is bypassed; the tail block is padded and the
   file truncated to its size);
3. create, write and rename with no sync, as storescp and SynthGate with fsync off do;
4. overwrite a slot of a journal file written and synced beforehand, then fdatasync.

Each way writes new files, as a receiver does, so the page cache takes fresh memory for them.
FOLDER should be on the disk the spool is on; it is removed at the end.
"""
import mmap
import os
import shutil
import statistics
import sys
import time

folder = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
size = int(sys.argv[3]) if len(sys.argv) > 3 else 512 * 1024
block = os.statvfs(os.path.dirname(os.path.abspath(folder)) or ".").f_bsize
padded = (size + block - 1) // block * block
data = mmap.mmap(-1, padded)  # page-aligned, as O_DIRECT needs
data.write(os.urandom(size))


def report(name, times):
    times = sorted(times)
    print("| %s | %.2f | %.2f |" % (name, statistics.median(times) * 1000, times[int(len(times) * 0.9)] * 1000))


def files(way, direct, sync):
    tmp, final = os.path.join(folder, way, "tmp"), os.path.join(folder, way, "final")
    os.makedirs(tmp)
    os.makedirs(final)
    folder_fd = os.open(final, os.O_RDONLY)
    times = []
    for i in range(count):
        start = time.perf_counter()
        path = os.path.join(tmp, "%d.tmp" % i)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | (os.O_DIRECT if direct else 0), 0o644)
        if direct:
            os.write(fd, data)
            os.ftruncate(fd, size)
        else:
            os.write(fd, data[:size])
        if sync:
            os.fsync(fd)
        os.close(fd)
        os.rename(path, os.path.join(final, "%d.dcm" % i))
        if sync:
            os.fsync(folder_fd)
        times.append(time.perf_counter() - start)
    os.close(folder_fd)
    return times


def journal():
    path = os.path.join(folder, "journal")
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    os.write(fd, b"\0" * (size * count))
    os.fsync(fd)
    times = []
    for i in range(count):
        start = time.perf_counter()
        os.pwrite(fd, data[:size], i * size)
        os.fdatasync(fd)
        times.append(time.perf_counter() - start)
    os.close(fd)
    return times


os.makedirs(folder)
try:
    print("%d objects of %d bytes, one at a time, in %s" % (count, size, folder))
    print()
    print("| way of writing | median ms | 90th percentile ms |")
    print("|---|---|---|")
    report("create, write, fsync, rename, fsync the folder (the spool, fsync on)", files("spool", False, True))
    report("the same with O_DIRECT", files("direct", True, True))
    report("create, write, rename, no sync (fsync off)", files("nosync", False, False))
    report("overwrite in a pre-written journal, fdatasync", journal())
finally:
    shutil.rmtree(folder)
