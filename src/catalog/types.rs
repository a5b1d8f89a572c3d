//! The types of the `hub` family, one entry each (the table of issue #16).

use super::rules::{self, AWS_DEFAULT_CHAIN, JSON_KEY_USER};
use super::{IntegrationType, SecretField, SecretKind, UsernameField};
use crate::registry;

const PASSWORD: SecretField = SecretField {
    kind: SecretKind::Password,
    name: "password",
    prompt: "Password",
    check: rules::any_secret,
};

pub static HUB_TYPES: &[IntegrationType] = &[
    IntegrationType {
        id: "docker",
        label: "docker: Docker Hub or any Registry v2",
        default_url: Some(registry::DOCKER_HUB),
        host_hint: "registry.example.com:5000, or leave it out for Docker Hub",
        has_email: true,
        check_host: rules::any_host,
        username: UsernameField {
            prompt: "Username",
            fixed: None,
            absent: None,
            check: rules::any_user,
        },
        secret: PASSWORD,
    },
    IntegrationType {
        id: "ghcr",
        label: "ghcr: GitHub Container Registry (ghcr.io)",
        default_url: Some("ghcr.io"),
        host_hint: "ghcr.io",
        has_email: false,
        check_host: rules::ghcr_host,
        username: UsernameField {
            prompt: "GitHub username",
            fixed: None,
            absent: None,
            check: rules::github_user,
        },
        secret: SecretField {
            kind: SecretKind::Token,
            name: "personal access token",
            prompt: "Personal access token",
            check: rules::github_token,
        },
    },
    IntegrationType {
        id: "quay",
        label: "quay: Quay.io or self-hosted Quay",
        default_url: Some("quay.io"),
        host_hint: "quay.io or your Quay host",
        has_email: false,
        check_host: rules::any_host,
        username: UsernameField {
            prompt: "Username or robot account (org+name)",
            fixed: None,
            absent: None,
            check: rules::quay_user,
        },
        secret: SecretField {
            kind: SecretKind::Token,
            name: "password or robot token",
            prompt: "Password or robot token",
            check: rules::any_secret,
        },
    },
    IntegrationType {
        id: "gitlab",
        label: "gitlab: GitLab container registry",
        default_url: Some("registry.gitlab.com"),
        host_hint: "registry.gitlab.com or your GitLab registry host",
        has_email: false,
        check_host: rules::any_host,
        username: UsernameField {
            prompt: "Username, deploy-token user or gitlab-ci-token",
            fixed: None,
            absent: None,
            check: rules::gitlab_user,
        },
        secret: SecretField {
            kind: SecretKind::Token,
            name: "token",
            prompt: "Access token, deploy token or job token",
            check: rules::any_secret,
        },
    },
    IntegrationType {
        id: "acr",
        label: "acr: Azure Container Registry (<name>.azurecr.io)",
        default_url: None,
        host_hint: "<name>.azurecr.io",
        has_email: false,
        check_host: rules::acr_host,
        username: UsernameField {
            prompt: concat!(
                "App id, admin user, or ",
                "00000000-0000-0000-0000-000000000000",
                " for a refresh token"
            ),
            fixed: None,
            absent: None,
            check: rules::acr_user,
        },
        secret: SecretField {
            kind: SecretKind::Token,
            name: "secret or token",
            prompt: "Secret or token",
            check: rules::any_secret,
        },
    },
    IntegrationType {
        id: "gcr",
        label: "gcr: Google Artifact Registry / Container Registry (service-account key)",
        default_url: Some("gcr.io"),
        host_hint: "gcr.io, <region>.gcr.io or <region>-docker.pkg.dev",
        has_email: false,
        check_host: rules::gcr_host,
        username: UsernameField {
            prompt: "Username",
            fixed: Some(JSON_KEY_USER),
            absent: None,
            check: rules::json_key_user,
        },
        secret: SecretField {
            kind: SecretKind::JsonKeyFile,
            name: "service-account JSON key",
            prompt: "Path to the service-account JSON key file",
            check: rules::service_account_key,
        },
    },
    IntegrationType {
        id: "ecr",
        label: "ecr: Amazon ECR (tokens minted from AWS credentials)",
        default_url: None,
        host_hint: "<account>.dkr.ecr.<region>.amazonaws.com",
        has_email: false,
        check_host: rules::ecr_host,
        username: UsernameField {
            prompt: "AWS access key id (Enter: the AWS default credential chain)",
            fixed: None,
            absent: Some(AWS_DEFAULT_CHAIN),
            check: rules::aws_key_id,
        },
        secret: SecretField {
            kind: SecretKind::AwsSecretKey,
            name: "AWS secret access key",
            prompt: "AWS secret access key",
            check: rules::aws_secret_key,
        },
    },
];
