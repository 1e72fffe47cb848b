#!/bin/sh
# docker-compose's one-shot `minio-bucket` step: the attachments bucket, and the apps' own MinIO user, allowed to read,
# write and delete objects in that bucket and nothing else (the root user stays with the operator). Safe to run again.
set -eu
bucket=parasol-attachments
mc alias set parasol http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD"
mc mb --ignore-existing "parasol/$bucket"
cat >/tmp/policy.json <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], "Resource": ["arn:aws:s3:::$bucket/*"] },
    { "Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetBucketLocation"], "Resource": ["arn:aws:s3:::$bucket"] }
  ]
}
POLICY
mc admin policy create parasol parasol-apps /tmp/policy.json
mc admin user add parasol "$S3_ACCESS_KEY" "$S3_SECRET_KEY"
# Attaching a policy the user already has is refused ("already in effect"): attach only when missing.
mc admin user info parasol "$S3_ACCESS_KEY" | grep -q parasol-apps \
    || mc admin policy attach parasol parasol-apps --user "$S3_ACCESS_KEY"
