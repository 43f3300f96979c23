package dev.offlinedebug.junit5;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a fixture test class: it runs only inside {@link FixtureRun}, which sets {@value
 * #PARAMETER}, never when Surefire or an IDE picks it up directly (its failures are the point).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Fixture.OnlyInFixtureRun.class)
@interface Fixture {
  String PARAMETER = "offlinedebug.test.fixtureRun";

  final class OnlyInFixtureRun implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(PARAMETER).isPresent()
          ? ConditionEvaluationResult.enabled("inside a fixture run")
          : ConditionEvaluationResult.disabled("a fixture, run by the tests through EngineTestKit");
    }
  }
}
