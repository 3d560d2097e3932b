package io.cameljwt.internal.verify;

import java.util.Map;

/**
 * What a token says, once parsed: its JOSE header, its claims, and the payload as it was (JSON text).
 */
public record JwtContents(Map<String, Object> header, Map<String, Object> claims, String payload) {
}
