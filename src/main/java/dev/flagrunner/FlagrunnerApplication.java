package dev.flagrunner;

import dev.flagrunner.cli.Cli;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Flagrunner",
                        version = "v1",
                        description = "Runs math-server protocol sessions and keeps the captured flags"))
public class FlagrunnerApplication {

    public static void main(String[] args) {
        // The command line is parsed without Spring: the tools, help and usage errors start no context.
        Cli.Launch launch = Cli.launch(args);
        if (launch instanceof Cli.Launch.Serve serve) {
            SpringApplication.run(FlagrunnerApplication.class, serve.args());
        } else if (launch instanceof Cli.Launch.Exit exit) {
            System.exit(exit.code());
        }
    }
}
