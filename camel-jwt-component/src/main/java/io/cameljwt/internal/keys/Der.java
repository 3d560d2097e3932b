package io.cameljwt.internal.keys;

import java.io.ByteArrayOutputStream;

/**
 * The little DER needed to wrap PKCS#1 and SEC1 keys into the PKCS#8 / SubjectPublicKeyInfo forms the JDK reads. No
 * cryptography here: only ASN.1 framing.
 */
final class Der {

    private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
    private static final byte[] EC_PUBLIC_KEY_OID = hex("06072a8648ce3d0201");
    private static final byte[] VERSION_0 = hex("020100");

    private Der() {
    }

    static byte[] pkcs1RsaToPkcs8(byte[] pkcs1) {
        return sequence(VERSION_0, RSA_ALGORITHM, tlv(0x04, pkcs1));
    }

    static byte[] pkcs1RsaPublicToSpki(byte[] pkcs1) {
        byte[] bits = new byte[pkcs1.length + 1];
        System.arraycopy(pkcs1, 0, bits, 1, pkcs1.length);
        return sequence(RSA_ALGORITHM, tlv(0x03, bits));
    }

    /** SEC1 ECPrivateKey ::= SEQUENCE { version, privateKey OCTET STRING, [0] parameters (the curve OID), [1] publicKey } */
    static byte[] sec1ToPkcs8(byte[] sec1, String option) {
        byte[] curveOid = null;
        Reader outer = new Reader(sec1, option);
        Reader fields = new Reader(outer.read(0x30), option);
        fields.read(0x02);
        fields.read(0x04);
        while (fields.hasMore()) {
            int tag = fields.peekTag();
            byte[] content = fields.read(tag);
            if (tag == 0xa0) {
                curveOid = new Reader(content, option).readTlv(0x06);
            }
        }
        if (curveOid == null) {
            throw new IllegalArgumentException(
                    "Option '" + option + "': the EC private key does not name its curve; use PKCS#8 (BEGIN PRIVATE KEY)");
        }
        return sequence(VERSION_0, sequence(EC_PUBLIC_KEY_OID, curveOid), tlv(0x04, sec1));
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return tlv(0x30, content.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] hex(String text) {
        return java.util.HexFormat.of().parseHex(text);
    }

    /** Reads definite-length TLVs in sequence; refuses anything it does not expect. */
    private static final class Reader {
        private final byte[] data;
        private final String option;
        private int position;

        Reader(byte[] data, String option) {
            this.data = data;
            this.option = option;
        }

        boolean hasMore() {
            return position < data.length;
        }

        int peekTag() {
            return data[position] & 0xff;
        }

        /** The content of the next TLV, which must have this tag. */
        byte[] read(int tag) {
            return readContent(tag);
        }

        /** The whole next TLV (tag, length and content), which must have this tag. */
        byte[] readTlv(int tag) {
            int start = position;
            readContent(tag);
            byte[] whole = new byte[position - start];
            System.arraycopy(data, start, whole, 0, whole.length);
            return whole;
        }

        private byte[] readContent(int tag) {
            if (position + 2 > data.length || (data[position] & 0xff) != tag) {
                throw invalid();
            }
            position++;
            int length = data[position++] & 0xff;
            if (length >= 0x80) {
                int bytes = length & 0x7f;
                if (bytes == 0 || bytes > 4 || position + bytes > data.length) {
                    throw invalid();
                }
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (data[position++] & 0xff);
                }
            }
            // not position + length, which overflows for a length near 2^31
            if (length < 0 || length > data.length - position) {
                throw invalid();
            }
            byte[] content = new byte[length];
            System.arraycopy(data, position, content, 0, length);
            position += length;
            return content;
        }

        private IllegalArgumentException invalid() {
            return new IllegalArgumentException("Option '" + option + "': the EC private key is not valid DER");
        }
    }
}
