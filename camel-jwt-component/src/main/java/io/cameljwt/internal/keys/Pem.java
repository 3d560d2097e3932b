package io.cameljwt.internal.keys;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM keys and certificates. PEM text passed through a URI often loses its line breaks, so the body between the
 * markers may come on one line, with spaces or nothing between the Base64 lines.
 */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

    private Pem() {
    }

    record Block(String label, byte[] der) {
    }

    /**
     * The first block of the text whose label is a key or a certificate, else its first block (whose label the caller
     * then refuses). Other blocks may come first: {@code openssl ecparam -genkey} writes EC PARAMETERS before the key.
     */
    static Block firstBlock(String text, String option) {
        Matcher m = BLOCK.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("Option '" + option + "' holds no PEM block (-----BEGIN ...-----)");
        }
        int first = m.start();
        boolean found = isKeyOrCertificate(m.group(1));
        while (!found && m.find()) {
            found = isKeyOrCertificate(m.group(1));
        }
        if (!found) {
            m.find(first);
        }
        String body = m.group(2).replaceAll("\\s+", "");
        try {
            return new Block(m.group(1).trim(), Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException e) {
            // one-line PEM may use spaces for line breaks, but a space may also be a '+' that URI decoding took
            throw new IllegalArgumentException("Option '" + option + "': the PEM block is not valid Base64"
                                               + (m.group(2).contains(" ")
                                                       ? " (in a URI, wrap PEM text in RAW(...): a '+' turns into a space)"
                                                       : ""));
        }
    }

    private static boolean isKeyOrCertificate(String label) {
        String trimmed = label.trim();
        return trimmed.endsWith("KEY") || trimmed.equals("CERTIFICATE");
    }

    public static PrivateKey privateKey(String text, String option) {
        Block block = firstBlock(text, option);
        byte[] pkcs8 = switch (block.label()) {
            case "PRIVATE KEY" -> block.der();
            case "RSA PRIVATE KEY" -> Der.pkcs1RsaToPkcs8(block.der());
            case "EC PRIVATE KEY" -> Der.sec1ToPkcs8(block.der(), option);
            case "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException(
                    "Option '" + option + "': encrypted PEM private keys are not supported; use a key store with a password");
            default -> throw new IllegalArgumentException(
                    "Option '" + option + "': expected a PEM private key, found '" + block.label() + "'");
        };
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pkcs8);
        return withAnyKeyFactory(factory -> factory.generatePrivate(spec), "private key", option);
    }

    public static PublicKey publicKey(String text, String option) {
        Block block = firstBlock(text, option);
        if (block.label().equals("CERTIFICATE")) {
            try {
                return CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(block.der())).getPublicKey();
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("Option '" + option + "': the certificate cannot be read");
            }
        }
        byte[] spki = switch (block.label()) {
            case "PUBLIC KEY" -> block.der();
            case "RSA PUBLIC KEY" -> Der.pkcs1RsaPublicToSpki(block.der());
            default -> throw new IllegalArgumentException(
                    "Option '" + option + "': expected a PEM public key or certificate, found '" + block.label() + "'");
        };
        X509EncodedKeySpec spec = new X509EncodedKeySpec(spki);
        return withAnyKeyFactory(factory -> factory.generatePublic(spec), "public key", option);
    }

    @FunctionalInterface
    private interface KeyReader<K> {
        K read(KeyFactory factory) throws GeneralSecurityException;
    }

    /** The key read by the first key factory (RSA, EC, Ed25519, Ed448) that understands it. */
    private static <K> K withAnyKeyFactory(KeyReader<K> reader, String what, String option) {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return reader.read(KeyFactory.getInstance(algorithm));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // not this algorithm: try the next
            }
        }
        throw new IllegalArgumentException(
                "Option '" + option + "': the " + what + " is not an RSA, EC, Ed25519 or Ed448 key this JVM can read");
    }
}
