package io.cameljwt.internal;

import java.time.Instant;

import io.cameljwt.JwtValidationException;
import io.cameljwt.internal.io.RefreshHint;
import io.cameljwt.internal.io.ResultHeaders;
import io.cameljwt.internal.io.TokenLocator;
import io.cameljwt.internal.io.TokenReadOutputs;
import io.cameljwt.internal.jwe.JweDecrypter;
import io.cameljwt.internal.settings.OutputSettings;
import io.cameljwt.internal.token.RecentHeader;
import io.cameljwt.internal.token.Token;
import io.cameljwt.internal.token.TokenRefusal;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * {@code jwt:decode}: unpack a token without verifying it. The body becomes its claims; {@code CamelJwtVerified} is
 * false so no later step mistakes them for checked ones.
 */
public final class DecodeOperation implements Processor {

    private final TokenLocator locator;
    private final JweDecrypter decrypter;
    private final String rolesClaim;
    private final boolean json;
    private final RefreshHint refreshHint;
    /** The headers of the tokens the endpoint decoded last, which most tokens repeat. */
    private final RecentHeader recentHeader = new RecentHeader();

    /** @param decrypter opens encrypted tokens; the signed token inside is decoded, not verified */
    public DecodeOperation(OutputSettings output, JweDecrypter decrypter) {
        this.locator = new TokenLocator(output.tokenHeader(), output.maxTokenLength());
        this.decrypter = decrypter;
        this.rolesClaim = output.rolesClaim();
        this.json = output.claimsAsJson();
        this.refreshHint = new RefreshHint(output.refreshBeforeMillis());
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        ResultHeaders.clear(message);
        try {
            Token token = Token.parse(decrypter.unwrap(locator.find(message)), recentHeader);
            recentHeader.remember(token); // decode accepts every token it can parse
            message.setBody(json ? token.payload() : token.claims());
            ResultHeaders.write(message, token, false, rolesClaim);
            refreshHint.write(message, token, Instant.now());
        } catch (TokenRefusal refusal) {
            throw new JwtValidationException(refusal.reason(), refusal.getMessage(), exchange);
        } finally {
            // the unverified claims (body and header), or the message as it came: generate never signs them unasked
            TokenReadOutputs.record(exchange);
        }
    }
}
