/**
 * AWS for tests: {@link dev.imps.testsupport.moto.MotoServer} runs moto (ECR and STS) on 127.0.0.1
 * from the venv that {@code scripts/moto-venv.sh} provisions, and stops it by PID.
 */
package dev.imps.testsupport.moto;
