package dev.flagrunner;

import dev.flagrunner.cli.Cli;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
@OpenAPIDefinition(info = @Info(title = "Flagrunner", version = "v1",
        description = "Runs math-server protocol sessions and keeps the captured flags"))
public class FlagrunnerApplication {

    public static void main(String[] args) {
        // The client, server and eval commands run without a Spring context, so they start at once.
        if (args.length > 0 && Cli.isCommand(args[0])) {
            System.exit(Cli.run(args));
        }
        SpringApplication.run(FlagrunnerApplication.class, args);
    }
}
