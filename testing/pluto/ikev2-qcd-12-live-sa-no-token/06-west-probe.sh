# a protected request for unknown SPIs now gets no answer
../../guestbin/qcd-forge.py probe --exchange INFORMATIONAL --wait 1
