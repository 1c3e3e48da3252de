# north loses 192.1.3.33: pluto finds 192.1.8.22 and moves the IKE SA
# there with MOBIKE (UPDATE_SA_ADDRESSES); east's answer carries a new
# token, bound to the new address, which north keeps
../../guestbin/ip.sh route show scope global | grep 192.1.3.254 && ip route del default via 192.1.3.254
../../guestbin/ip.sh route show scope global | grep 192.1.8.254 || ip route add default via 192.1.8.254
../../guestbin/ip.sh address del 192.1.3.33/24 dev eth1
../../guestbin/wait-for.sh --match 'tokens.stored=2' -- ipsec whack --qcd-status
../../guestbin/ping-once.sh --up -I 192.0.3.254 192.0.2.254
