package io.cameljwt.internal.remote;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The health check's id masks the whole value of each secret option, whatever the value holds. */
class RemoteKeysHealthCheckMaskTest {

    private static final Set<String> SECRETS = Set.of("decryptionKey", "jwks", "secret");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jwt://validate?decryptionKey=abc+def&jwksUri=https://a/k | jwt://validate?decryptionKey=xxxxxx&jwksUri=https://a/k",
            "jwt://validate?jwksUri=https://a/k&decryptionKey=RAW(-----BEGIN%20KEY-----%20a+b/c=) | jwt://validate?jwksUri=https://a/k&decryptionKey=xxxxxx",
            "jwt://validate?decryptionKey=RAW({\"k\":\"a&b)c\"})&issuer=x | jwt://validate?decryptionKey=xxxxxx&issuer=x",
            "jwt://validate?decryptionKey=RAW{s3cr)et&x}&issuer=x | jwt://validate?decryptionKey=xxxxxx&issuer=x",
            "jwt://validate?issuer=decryptionKey&keyId=k | jwt://validate?issuer=decryptionKey&keyId=k" })
    void secretOptionValuesAreMaskedWholeAndNothingElse(String uri, String expected) {
        assertEquals(expected, RemoteKeysHealthCheck.masked(uri, SECRETS));
    }
}
