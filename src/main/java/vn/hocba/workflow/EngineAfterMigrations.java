package vn.hocba.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The process engine starts only after Flyway has migrated HocBa's tables. Spring Boot orders Flyway
 * before JDBC templates, but not before Camunda's engine; when a bean needing an engine service happens to
 * be created first (e.g. a page controller), the engine creates its tables in an empty schema and Flyway
 * then refuses the "non-empty schema without history table" on PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class EngineAfterMigrations {

    private static final String FLYWAY = "flywayInitializer";

    @Bean
    static BeanFactoryPostProcessor engineDependsOnFlyway() {
        return factory -> {
            if (!factory.containsBeanDefinition(FLYWAY)) {
                return;
            }
            List<String> engines = new ArrayList<>();
            engines.addAll(Arrays.asList(factory.getBeanNamesForType(ProcessEngine.class, true, false)));
            engines.addAll(Arrays.asList(factory.getBeanNamesForType(ProcessEngineConfigurationImpl.class, true, false)));
            for (String name : engines) {
                if (!factory.containsBeanDefinition(name)) {
                    continue;
                }
                BeanDefinition definition = factory.getBeanDefinition(name);
                List<String> dependsOn = new ArrayList<>(definition.getDependsOn() == null ? List.of()
                        : Arrays.asList(definition.getDependsOn()));
                if (!dependsOn.contains(FLYWAY)) {
                    dependsOn.add(FLYWAY);
                    definition.setDependsOn(dependsOn.toArray(String[]::new));
                }
            }
        };
    }
}
