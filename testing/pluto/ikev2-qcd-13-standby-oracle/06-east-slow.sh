# from now on east's helper threads take 2 s a job: its answers to
# CREATE_CHILD_SA (DH) come that much later, the live peer is slow
ipsec whack --impair helper_thread_delay:2
