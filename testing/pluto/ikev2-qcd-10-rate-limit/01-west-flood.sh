# 20 protected requests for unknown IKE SPIs from one address, at once
python3 qcd-flood.py 20
