//! `hubint import ...`

pub mod docker_config;
pub mod sources;

super::group::command_group!(ImportCommand {
    /// Import the logins of a docker config.json or a containers auth.json
    DockerConfig(docker_config::ImportDockerConfigArgs),
});
