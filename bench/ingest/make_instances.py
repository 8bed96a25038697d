#!/usr/bin/python3
"""Writes COUNT reproducible 16-bit CT-like instances of ROWSxCOLS (one study, one series) to FOLDER.

    make_instances.py FOLDER COUNT ROWS COLS [STUDY]

STUDY (a number) gives the instances a study of their own, for benchmarks that send several.

Pixel values come from a seeded generator, so every run sends the same bytes. Uses Debian's
python3-pydicom and python3-numpy.
"""
import sys

import numpy as np
import pydicom
from pydicom.dataset import FileDataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian

folder, count, rows, cols = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
root = "1.2.826.0.1.3680043.8.498.77.%d.%d" % (rows, cols)
if len(sys.argv) > 5:
    root += ".%d" % int(sys.argv[5])
rng = np.random.default_rng(20261128)
base = (rng.normal(1000, 200, size=(rows, cols))).clip(0, 4095).astype(np.uint16)
for i in range(count):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    meta.MediaStorageSOPInstanceUID = "%s.1.%d" % (root, i + 1)
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SOPClassUID = meta.MediaStorageSOPClassUID
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = root
    ds.SeriesInstanceUID = root + ".1"
    ds.PatientName = "BENCH^PATIENT"
    ds.PatientID = "BENCH"
    ds.Modality = "CT"
    ds.InstanceNumber = i + 1
    ds.Rows, ds.Columns = rows, cols
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
    ds.PixelData = np.roll(base, i, axis=1).tobytes()
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.save_as("%s/%05d.dcm" % (folder, i + 1), write_like_original=False)
