# One image for every Talent role: `talent serve`, `talent worker`, one-shot commands.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only: the restore layer stays cached until a project or package changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Talent.Cli/Talent.Cli.csproj src/Talent.Cli/
COPY src/Talent.Server/Talent.Server.csproj src/Talent.Server/
COPY src/Talent.Search/Talent.Search.csproj src/Talent.Search/
COPY src/Talent.Storage/Talent.Storage.csproj src/Talent.Storage/
COPY src/Talent.Profiles/Talent.Profiles.csproj src/Talent.Profiles/
COPY src/Talent.Contracts/Talent.Contracts.csproj src/Talent.Contracts/
COPY scripts/publish.sh scripts/
RUN sh scripts/publish.sh restore
# Then the sources and the settings and catalogs that travel with the binary.
COPY src/ src/
COPY config/ config/
RUN sh scripts/publish.sh publish /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The data folder (SQLite, index, data-protection keys) belongs to the image's unprivileged user (uid 1654, "app").
RUN mkdir -p /var/lib/talent && chown app:app /var/lib/talent
USER app
ENV TALENT_DATA=/var/lib/talent \
    ASPNETCORE_ENVIRONMENT=Production
VOLUME /var/lib/talent
EXPOSE 8080
ENTRYPOINT ["dotnet", "/app/talent.dll"]
CMD ["serve", "--urls", "http://0.0.0.0:8080"]
