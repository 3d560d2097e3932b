package io.cameljwt.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A Spring Boot service that issues RS256 tokens at {@code POST /login}, publishes its public key at
 * {@code GET /.well-known/jwks.json} and protects {@code /api/*} with roles. The {@code jwt} component is configured
 * once in {@code application.yaml} ({@code camel.component.jwt.*}); the routes are the {@code RouteBuilder}
 * components of this package.
 */
@SpringBootApplication
@EnableConfigurationProperties(DemoUsers.class)
public class JwtServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(JwtServiceApplication.class, args);
    }
}
