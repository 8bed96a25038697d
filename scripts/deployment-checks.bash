# The checks docker/test and k8s/play make of a deployment they started, sourced by both (each from
# its own folder, one below the repository's root). Every check that fails says why, after "$label: ",
# and exits; every port is on 127.0.0.1.

# await_ready HTTP_PORT: the gateway is ready within 180 s.
await_ready() {
  for _ in $(seq 1 90); do
    if curl -fs "http://127.0.0.1:$1/q/health/ready" >/dev/null; then return 0; fi
    sleep 2
  done
  echo "$label: SynthGate is not ready after 180 s" >&2
  exit 1
}

# check_sign_in HTTP_PORT USER PASSWORD SOURCE: USER, configured in SOURCE, signs in to the API.
check_sign_in() {
  [[ $(curl -s -o /dev/null -w '%{http_code}' -u "$2:$3" "http://127.0.0.1:$1/api/studies") == 200 ]] ||
    { echo "$label: the $2 from $4 cannot sign in" >&2; exit 1; }
}

# send_study DICOM_PORT CALLING_AE ALLOWLIST: sends a chest CR (pydicom's CT where the shared test data
# is absent) as CALLING_AE, then checks that the same from STRANGER, whom ALLOWLIST leaves out, is refused.
send_study() {
  local study=../../shared/testdata/fo-dicom/CR-MONO1-10-chest.dcm
  [[ -f $study ]] || study=/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm
  echo "$label: sending $(basename "$study") to the gateway"
  TCP_NODELAY=1 storescu -aet "$2" -aec SYNTHGATE 127.0.0.1 "$1" "$study"
  if TCP_NODELAY=1 storescu -aet STRANGER -aec SYNTHGATE 127.0.0.1 "$1" "$study" >/dev/null 2>&1; then
    echo "$label: a caller outside $3 was let in" >&2
    exit 1
  fi
}

# await_synthetic ORTHANC_HTTP_PORT: an object reaches the Orthanc within 180 s, marked synthetic.
await_synthetic() {
  local orthanc=http://127.0.0.1:$1 instances="" tags
  for _ in $(seq 1 90); do
    instances=$(curl -fs "$orthanc/instances" | tr -d '[]" \n')
    [[ -n $instances ]] && break
    sleep 2
  done
  [[ -n $instances ]] || { echo "$label: no synthetic object reached the Orthanc in 180 s" >&2; exit 1; }
  tags=$(curl -fs "$orthanc/instances/${instances%%,*}/simplified-tags")
  grep -q '"ImageType" : "DERIVED\\\\SECONDARY\\\\SYNTHETIC\\\\INPAINT"' <<<"$tags" ||
    { echo "$label: the object in Orthanc is not marked synthetic:" >&2; grep -E 'ImageType|SeriesDescription' <<<"$tags" >&2; exit 1; }
}

# check_one_exported ENGINE CONTAINER: the PostgreSQL in CONTAINER holds one job, EXPORTED.
check_one_exported() {
  local exported
  exported=$("$1" exec "$2" psql -h /tmp -U postgres -d synthgate -tAc "select count(*) from job where state = 'EXPORTED'")
  [[ $exported == 1 ]] || { echo "$label: the PostgreSQL holds $exported exported jobs, not 1" >&2; exit 1; }
}
