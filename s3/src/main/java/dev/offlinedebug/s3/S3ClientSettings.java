package dev.offlinedebug.s3;

import java.io.IOException;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Credentials, region and endpoint of the S3 client, from the standard AWS chain only: environment
 * variables and system properties, the shared profile files, container and instance roles. Never
 * from a configuration file of ours.
 *
 * @param credentials never null
 * @param region never null
 * @param endpoint an S3-compatible server ({@code AWS_ENDPOINT_URL_S3}, else {@code
 *     AWS_ENDPOINT_URL}), addressed path-style; {@code null} for AWS itself
 */
record S3ClientSettings(AwsCredentialsProvider credentials, Region region, URI endpoint) {
  /** Where S3-compatible servers without regions are reached from: AWS's own default. */
  private static final Region WITHOUT_REGION = Region.US_EAST_1;

  static S3ClientSettings fromEnvironment() throws IOException {
    URI endpoint = configuredEndpoint();
    return new S3ClientSettings(DefaultCredentialsProvider.builder().build(), region(endpoint != null), endpoint);
  }

  private static URI configuredEndpoint() throws IOException {
    String[][] sources = {
      {"AWS_ENDPOINT_URL_S3", "aws.endpointUrlS3"},
      {"AWS_ENDPOINT_URL", "aws.endpointUrl"}};
    for (String[] source : sources) {
      String value = System.getProperty(source[1], System.getenv(source[0]));
      if (value != null && !value.isBlank()) {
        try {
          return URI.create(value.trim());
        } catch (IllegalArgumentException e) {
          throw new IOException(source[0] + " is not a URL such as http://127.0.0.1:9000");
        }
      }
    }
    return null;
  }

  private static Region region(boolean compatibleServer) throws IOException {
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      if (compatibleServer) {
        return WITHOUT_REGION;
      }
      throw new IOException("no AWS region: set AWS_REGION (or a profile's region)");
    }
  }
}
