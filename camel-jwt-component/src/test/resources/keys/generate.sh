#!/bin/sh
# Regenerates the test keys of this folder (run once; the results are committed). Needs openssl 3 and keytool.
# Every file of one family (rsa, ec256, ec384, ec521, ed25519) holds the same key pair in another form.
set -e
cd "$(dirname "$0")"
rm -f *.pem *.p12 *.jks
subj() { echo "/CN=camel-jwt-test-$1"; }

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa-pkcs8.pem
openssl pkey -in rsa-pkcs8.pem -traditional -out rsa-pkcs1.pem            # BEGIN RSA PRIVATE KEY
openssl pkey -in rsa-pkcs8.pem -pubout -out rsa-public.pem                # BEGIN PUBLIC KEY
cp rsa-public.pem login-public.pem                         # the docs' classpath:keys/login-public.pem
openssl rsa -in rsa-pkcs8.pem -RSAPublicKey_out -out rsa-pkcs1-public.pem # BEGIN RSA PUBLIC KEY

for bits in 256 384 521; do
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-$bits -pkeyopt ec_param_enc:named_curve \
        -out ec$bits-pkcs8.pem
    openssl ec -in ec$bits-pkcs8.pem -out ec$bits-sec1.pem                # BEGIN EC PRIVATE KEY
    openssl pkey -in ec$bits-pkcs8.pem -pubout -out ec$bits-public.pem
done

openssl genpkey -algorithm ed25519 -out ed25519-pkcs8.pem
openssl pkey -in ed25519-pkcs8.pem -pubout -out ed25519-public.pem

# self-signed certificates (valid for 100 years), and one key store holding every key pair
for family in rsa ec256 ec384 ec521 ed25519; do
    openssl req -x509 -new -key $family-pkcs8.pem -subj "$(subj $family)" -days 36500 -out $family-cert.pem
    openssl pkcs12 -export -inkey $family-pkcs8.pem -in $family-cert.pem -name $family \
        -passout pass:storepass -out $family.tmp.p12
    # PKCS#12 (store and key password storepass)
    keytool -importkeystore -noprompt -srckeystore $family.tmp.p12 -srcstoretype PKCS12 -srcstorepass storepass \
        -destkeystore keys.p12 -deststoretype PKCS12 -deststorepass storepass
    # JKS (store password storepass, key password keypass)
    keytool -importkeystore -noprompt -srckeystore $family.tmp.p12 -srcstoretype PKCS12 -srcstorepass storepass \
        -srcalias $family -destkeystore keys.jks -deststoretype JKS -deststorepass storepass -destkeypass keypass
    rm $family.tmp.p12
done

# HMAC secrets in a PKCS#12 store (store and key password storepass)
for bits in 256 384 512; do
    keytool -genseckey -alias hs$bits -keyalg HmacSHA$bits -keysize $bits \
        -keystore hmac.p12 -storetype PKCS12 -storepass storepass
done
