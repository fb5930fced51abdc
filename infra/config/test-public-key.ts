/**
 * A placeholder public key (its private half was discarded) so `cdk synth` and the tests run without secrets. Replace it with
 * the public half of your CloudFront signing key pair before deploying (docs/deploy.md).
 */
export const PLACEHOLDER_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA3AAR2sJOcsDyT2Ed+6Nh
KVaFhZIDnYnmlp6iRpaXS1ULIVQs7MsYDGMPrmyZ6M1j5a4O9zbP3+2LD8LdDqS9
hFZsqX2ItUwwpvjonMsQfW1s0EYSt+LpKHftdMp1qyakuz26EMRDDU12/I4HSLrf
hBmoMXyFtTMjhebHAXjXY/EwcfoaMSNczhoQjcCjeS8qxq4/afhliqbyIHwmEJO9
2+pV26OhBE4U1DX13qSm62pxz0wC+H46H8Z8JTsNfizUtgVmwKUraBY53CJwzWtk
Y/Ux3wCiqcXpST2fKT7ukSvA39gyOd0hKL31ezRlrWfQvnz8wBuuo+BkHCDK22c+
+wIDAQAB
-----END PUBLIC KEY-----`
