use clap::Parser;

#[actix_web::main]
async fn main() {
    let cli = talentscan::cli::Cli::parse();
    if let Err(e) = talentscan::cli::run(cli).await {
        eprintln!("talentscan: {e}");
        std::process::exit(1);
    }
}
