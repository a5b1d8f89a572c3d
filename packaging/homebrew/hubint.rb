# Homebrew formula for hubint: builds from the published crate with cargo and
# installs what the .deb installs (Cargo.toml, [package.metadata.deb]): the
# binary, the docker-credential-hubint link, the man pages and the bash, zsh
# and fish completions. tests/packaging.rs keeps the two in step.
#
# Install from this checkout:  brew install --build-from-source ./packaging/homebrew/hubint.rb
# At a release: set `url` to the new version and `sha256` to the checksum of
# the published crate (`sha256sum target/package/hubint-VERSION.crate` after
# `cargo package --locked`).
class Hubint < Formula
  desc "Keep container-registry credentials in the OS keyring, for docker and podman"
  homepage "https://crates.io/crates/hubint"
  url "https://static.crates.io/crates/hubint/hubint-0.1.0.crate"
  sha256 "0000000000000000000000000000000000000000000000000000000000000000"
  license any_of: ["MIT", "Apache-2.0"]

  depends_on "rust" => :build

  def install
    system "cargo", "install", *std_cargo_args
    bin.install_symlink "hubint" => "docker-credential-hubint"
    man1.install Dir["man/*.1"]
    bash_completion.install "completions/hubint.bash" => "hubint"
    zsh_completion.install "completions/_hubint"
    fish_completion.install "completions/hubint.fish"
  end

  test do
    assert_match "hubint #{version}", shell_output("#{bin}/hubint --version")
    assert_match "v#{version}", shell_output("#{bin}/docker-credential-hubint version")

    # A full round with the encrypted file store (a test has no keychain).
    ENV["HUBINT_HOME"] = (testpath/"hubint").to_s
    ENV["HUBINT_SECRET_STORE"] = "file"
    ENV["HUBINT_PASSPHRASE"] = "a long throwaway test passphrase"
    pipe_output("#{bin}/hubint add --no-input --name brew --url registry.example.com " \
                "--username alice --password-stdin", "s3cret", 0)
    assert_match '"Secret":"s3cret"',
                 pipe_output("#{bin}/docker-credential-hubint get", "registry.example.com", 0)
    system bin/"hubint", "delete", "brew", "--yes"
    assert_match "credentials not found",
                 pipe_output("#{bin}/docker-credential-hubint get", "registry.example.com", 1)
  end
end
