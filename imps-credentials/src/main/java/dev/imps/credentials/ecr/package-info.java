/**
 * AWS ECR credentials: {@link dev.imps.credentials.ecr.EcrCredentialProvider} reads banzaicloud
 * IMPS's {@code banzaicloud.io/aws-ecr-login-config} secrets and mints registry logins with ECR's
 * GetAuthorizationToken, through a process-wide {@link dev.imps.credentials.ecr.EcrTokenCache}.
 *
 * <p>Base credentials are the secret's static keys or, without them, the AWS SDK default chain
 * (IRSA web identity, EKS pod identity, environment, instance profile); a {@code roleArn} is
 * assumed on top of either. AWS endpoints can be overridden through {@link
 * dev.imps.credentials.ecr.AwsClients} or the SDK's own {@code AWS_ENDPOINT_URL_ECR} / {@code
 * AWS_ENDPOINT_URL_STS}.
 */
package dev.imps.credentials.ecr;
