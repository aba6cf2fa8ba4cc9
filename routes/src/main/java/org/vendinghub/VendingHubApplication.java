package org.vendinghub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Vending Hub: one Spring Boot application that hosts every route, API and console page. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VendingHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(VendingHubApplication.class, args);
    }
}
