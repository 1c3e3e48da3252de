echo "initdone"
